// The navigation with JavaScript (every page works without it: the menus are native disclosures).
// Below DKFDS's breakpoint, the "Menu" disclosure becomes DKFDS's mobile drawer; at desktop width,
// one group's menu is open at a time and Escape or a click elsewhere closes it.
document.documentElement.classList.add('js');

const mobile = document.querySelector('details.mobile-menu');
if (mobile) {
  // The drawer lives in the disclosure: keep it open so DKFDS can show and hide the drawer, and let
  // the "Menu" button open the drawer instead of folding the disclosure.
  mobile.open = true;
  mobile.querySelector('summary')?.addEventListener('click', (event) => event.preventDefault());
}
if (window.DKFDS) new window.DKFDS.Navigation().init();

const groups = [...document.querySelectorAll('details.nav-group-menu')];
const closeGroups = (except) => {
  for (const group of groups) if (group !== except) group.open = false;
};
for (const group of groups) group.addEventListener('toggle', () => group.open && closeGroups(group));
document.addEventListener('click', (event) => {
  if (!groups.some((group) => group.contains(event.target))) closeGroups(null);
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const open = groups.find((group) => group.open);
  if (!open) return;
  open.open = false;
  open.querySelector('summary')?.focus();
});
