"""The access tests: one module per class of attack, each against every role that must not get
through, and each with a control that shows the owner (or staff) does.

- test_objects_by_id: every URL that takes an id × anonymous, another organisation's member,
  another trainer, an editor.
- test_admin_urls: every admin URL of the platform's views (walked from the URL configuration)
  × editor, member, trainer; GET shows nothing, POST changes nothing.
- test_accounts: addresses claimed but never confirmed; every login form and password reset
  (verification, throttling, limits shared between processes).
- test_documents: every document collection × role × way in (listing, chooser, edit, replace,
  delete, bulk actions, usage, admin API, file URL).
- test_exports: every CSV and XLSX export × every formula prefix.
- test_media: path-normalisation variants of /media/ under DEBUG.
- test_mail_abuse: forms that send email to typed-in addresses are rate-limited.
"""
