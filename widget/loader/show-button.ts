// data-load="click": a "Show comments" button in the container until the reader asks for them.
export function showButton(el: HTMLElement, go: () => void): void {
  const b = el.appendChild(document.createElement('button'));
  b.textContent = 'Show comments';
  b.onclick = () => {
    // Focus stays where the comments appear, not on a button that is gone.
    el.tabIndex = -1;
    el.focus();
    b.remove();
    go();
  };
}
