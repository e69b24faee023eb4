/** Text made safe inside HTML elements and quoted attributes: the pages and mail the server writes itself. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
