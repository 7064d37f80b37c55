/**
 * Reading a rule configuration from a file, in the CLI (`--config`) and the task pane (载入本地规则…):
 * a rules JSON, or a workbook that carries local rules (a template a supervising office handed out).
 * Every failure is a `ConfigFileError` with the problems named in Chinese.
 */
import { CONFIG_SHEET, carriedConfigOf, parseRuleConfig, type RuleConfig } from '../core';
import { UserError } from '../errors';
import { decodeText } from './text';

export class ConfigFileError extends UserError {}

export { CONFIG_FILE_ACCEPT } from './accept';

export async function readRuleConfigBytes(name: string, bytes: Uint8Array): Promise<RuleConfig> {
  if (/\.xlsx$/iu.test(name)) {
    const { parseXlsx } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/parse');
    const carried = carriedConfigOf(parseXlsx(bytes).sheets);
    if (!carried) throw new ConfigFileError(`这个工作簿没有携带本地规则（没有“${CONFIG_SHEET}”工作表）`);
    if (!carried.ok) throw new ConfigFileError(carried.message);
    return carried.config;
  }
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ConfigFileError('文件是空的');
  const parsed = parseRuleConfig(text);
  if (!parsed.ok) throw new ConfigFileError(`规则配置有误：${parsed.problems.join('；')}`);
  return parsed.config;
}
