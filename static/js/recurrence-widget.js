// Starts django-recurrence's widget on the trainer portal's availability form, in place of its
// jQuery start script, and fixes it up for the content security policy, the keyboard and screen
// readers.
(function () {
  // Its links are `javascript:void(0)`, which the policy rightly refuses to run; their click
  // handlers do the work, so the links' own navigation is cancelled before it happens.
  document.addEventListener(
    "click",
    function (event) {
      if (event.target.closest('a[href^="javascript:"]')) {
        event.preventDefault();
      }
    },
    true
  );

  // The weekday, month and day grids are table cells with click handlers: make them buttons
  // that take the focus, Enter and Space, and say whether they are chosen. The fields' texts
  // are plain spans next to them: make them the fields' labels.
  var ids = 0;
  function textsIn(element) {
    return Array.prototype.slice.call(
      element.querySelectorAll(":scope > .recurrence-label, :scope > .laebl")
    );
  }
  function fixUp(root) {
    root.querySelectorAll(".recurrence-widget td, .recurrence-calendar td").forEach(function (cell) {
      if (typeof cell.onclick === "function") {
        cell.setAttribute("role", "button");
        cell.tabIndex = 0;
        cell.setAttribute("aria-pressed", cell.classList.contains("active") ? "true" : "false");
      }
    });
    root.querySelectorAll(".recurrence-widget input, .recurrence-widget select").forEach(function (field) {
      if (field.type === "hidden" || field.labels.length || field.hasAttribute("aria-labelledby")) {
        return;
      }
      // Up to three levels up, the texts next to the field or (for "on the") in the block before.
      for (var parent = field.parentElement, up = 0; parent && up < 3; parent = parent.parentElement, up++) {
        var texts = textsIn(parent);
        if (!texts.length && parent.previousElementSibling) {
          texts = textsIn(parent.previousElementSibling);
        }
        if (texts.length) {
          field.setAttribute("aria-labelledby", texts.map(function (text) {
            text.id = text.id || "recurrence-text-" + ++ids;
            return text.id;
          }).join(" "));
          return;
        }
      }
    });
  }
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches('td[role="button"]')) {
      event.preventDefault();
      event.target.click();
    }
  });

  document.querySelectorAll("textarea.recurrence-widget").forEach(function (textarea) {
    new recurrence.widget.Widget(textarea.id, {});
    var widget = textarea.previousElementSibling;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = label.id || textarea.id + "_label";
      widget.setAttribute("role", "group");
      widget.setAttribute("aria-labelledby", label.id);
    }
  });
  fixUp(document);
  new MutationObserver(function () {
    fixUp(document);
  }).observe(document.body, { childList: true, subtree: true, attributeFilter: ["class"] });
})();
