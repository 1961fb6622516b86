/**
 * Replies the system writes for residents when staff leave the text to it. Residents' pages
 * are Chinese, so these are written in Chinese. Pure, so the demo seed writes the same words.
 */
import { formatTrackingCode } from '../intake/tracking-code';

/**
 * What the reporter of a merged duplicate reads on the tracking page: the opinion that carries
 * on, by its code written the way tracking pages and receipts show codes (ABCD-2345).
 */
export function mergeReply(targetCode: string): string {
  const code = formatTrackingCode(targetCode);
  return `您反映的问题与编号 ${code} 的意见相同，已合并办理。请用编号 ${code} 查看办理进展。`;
}
