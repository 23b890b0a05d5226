// "Print or save as PDF": one click where JavaScript runs; the browser's own print otherwise.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
