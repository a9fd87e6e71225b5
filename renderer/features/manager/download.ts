import type { ExportFile } from '../../../shared/reports';

/** Offers a file the core produced as a download (a Blob and a temporary link), in the browser and in Electron alike. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
