"""Every read the catalogue's pages, feeds and the admin need (and the other apps use), in two
modules: sessions (sessions, dates, taxonomy) and trainings (training pages: the listing, a
training in a language), which builds on it. The package hands no names on."""
