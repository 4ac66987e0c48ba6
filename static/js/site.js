// On a narrow screen the catalogue's filters fold behind their summary, so the results come
// first. Without JavaScript they simply stay open.
(function () {
  var filters = document.querySelector("details.filter-fold");
  if (filters && window.matchMedia("(max-width: 50rem)").matches && !filters.dataset.hasErrors) {
    filters.open = false;
  }
})();
