/**
 * Saves text as a file the person downloads (a checklist's .txt, a
 * meeting's .ics). A Blob and a temporary link: no server round trip, and
 * nothing a strict Content-Security-Policy forbids.
 * @param filename the suggested file name, e.g. `questions.txt`
 * @param text the file's content
 * @param type its media type; UTF-8 is declared so accents survive
 */
export function downloadText(filename: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
