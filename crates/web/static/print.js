// The "print or save as PDF" button of the half-year report (templates/report_half_year.html).
// Without JavaScript the button stays hidden and the browser's own print command does the
// same; the print stylesheet in buurtteam.css lays the report out on A4.
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('[data-bt-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
});
