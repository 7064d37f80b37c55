/**
 * Getting the generated .docx to the user. Excel on the web: an ordinary browser download. Desktop
 * Excel (WebView2 on Windows, WKWebView on Mac), where blob downloads are unreliable or impossible:
 * the add-in's own server keeps the bytes for a one-time, short-lived URL on the same origin, which
 * is opened in the system browser with Office.context.ui.openBrowserWindow.
 */
import { UserError } from '../errors';
import { RELAY_PATH, mimeOf } from '../files/relay';

export type Deliver = (bytes: Uint8Array, filename: string) => Promise<string>;

export class DeliveryError extends UserError {}

/** Browser download through a temporary object URL. */
export function downloadInBrowser(bytes: Uint8Array, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeOf(filename) }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Uploads to the relay and returns the absolute one-time URL. */
export async function uploadToRelay(
  bytes: Uint8Array,
  filename: string,
  origin: string,
  fetcher: typeof fetch = fetch,
): Promise<{ url: string; expiresInSeconds: number }> {
  let response: Response;
  try {
    response = await fetcher(`${origin}${RELAY_PATH}`, {
      method: 'POST',
      body: bytes as BodyInit,
      headers: { 'Content-Type': mimeOf(filename), 'X-Filename': encodeURIComponent(filename) },
      credentials: 'same-origin',
    });
  } catch {
    throw new DeliveryError(`无法连接加载项服务器，“${filename}”未能送出。请检查网络后重试。`);
  }
  if (response.status === 413) throw new DeliveryError(`“${filename}”超出服务器允许的大小，未能送出。`);
  if (response.status === 503) throw new DeliveryError('服务器正忙，请稍后重试。');
  if (!response.ok) throw new DeliveryError(`服务器拒绝了“${filename}”（${response.status}），请联系管理员。`);
  const body = (await response.json()) as { url: string; expiresInSeconds: number };
  return { url: new URL(body.url, origin).toString(), expiresInSeconds: body.expiresInSeconds };
}

/** The delivery for the host the pane runs in. */
export function officeDelivery(): Deliver {
  return async (bytes, filename) => {
    if (Office.context.platform === Office.PlatformType.OfficeOnline) {
      downloadInBrowser(bytes, filename);
      return `已下载“${filename}”。`;
    }
    const { url, expiresInSeconds } = await uploadToRelay(bytes, filename, window.location.origin);
    const minutes = Math.max(1, Math.round(expiresInSeconds / 60));
    if (Office.context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')) {
      Office.context.ui.openBrowserWindow(url);
      return `已在浏览器中打开“${filename}”的下载（链接${minutes}分钟内有效，只能使用一次）。`;
    }
    return `请在浏览器中打开以下链接下载“${filename}”（${minutes}分钟内有效，只能使用一次）：${url}`;
  };
}
