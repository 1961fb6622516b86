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

/** What residents read when a department signs for their opinion (签收). */
export function signedReply(department: string, role: 'lead' | 'co'): string {
  return role === 'lead' ? `${department}已签收，正在办理。` : `${department}已签收，配合办理。`;
}

/**
 * A department's public text as residents read it: headed by the department's name, so the
 * tracking page says which body is doing what without showing anyone's name or notes.
 */
export function departmentReply(department: string, text: string): string {
  return `【${department}】${text}`;
}

/** What residents read when staff approve a later deadline and write nothing themselves. */
export function extensionReply(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `经承办单位申请，办理期限延长至${y}年${m}月${d}日。`;
}
