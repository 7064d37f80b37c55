/**
 * What kind of body a report is from, which decides its deadline (条例 第四十九条) and its required
 * content (条例 第五十条第四项, for people's governments). Set explicitly (`meta.bodyType`) or
 * inferred from the name, conservatively: a name that says nothing certain gives no type.
 */
export type BodyType = 'government' | 'township' | 'subdistrict' | 'department';

export const BODY_TYPES: Readonly<Record<BodyType, { label: string; isGovernment: boolean }>> = {
  government: { label: '县级以上人民政府', isGovernment: true },
  township: { label: '乡镇人民政府', isGovernment: true },
  subdistrict: { label: '街道办事处', isGovernment: false },
  department: { label: '政府部门', isGovernment: false },
};

export const BODY_TYPE_IDS = Object.keys(BODY_TYPES) as BodyType[];

/** The words people write for a type (the workbook's 机关类型 cell), besides the ids. */
const TYPED: readonly [RegExp, BodyType][] = [
  [/^(乡|镇|乡镇|苏木|民族乡)(人民)?政府?$|^乡镇$/u, 'township'],
  [/^街道(办事处)?$|^街道办$/u, 'subdistrict'],
  [/^(县级以上)?(地方)?(人民)?政府$/u, 'government'],
  [/^(政府)?(工作)?部门$|^(行政)?机关$|^单位$/u, 'department'],
];

export function readBodyType(raw: unknown): BodyType | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.replace(/[\s\u00A0\u3000]/gu, '');
  if ((BODY_TYPE_IDS as string[]).includes(s)) return s as BodyType;
  return TYPED.find(([re]) => re.test(s))?.[1];
}

/** Name endings of departments and other bodies that are not people's governments. */
const DEPARTMENT_END = /(局|委员会|委|办公室|办公厅|办|厅|中心|部|署|院|所|站|队|处|馆|室|会|司|集团|公司|管理区|管委会)$/u;

/** The type a name says, with how it was inferred (for messages); undefined when the name is not certain. */
export function inferBodyType(agency: string): { type: BodyType; by: string } | undefined {
  const name = agency.replace(/[\s\u00A0\u3000]/gu, '');
  if (/街道办事处$|街道$/u.test(name)) return { type: 'subdistrict', by: '名称以“街道办事处”结尾' };
  if (/(乡|镇|苏木)人民政府$/u.test(name)) return { type: 'township', by: '名称为乡镇人民政府' };
  if (/人民政府$/u.test(name)) return { type: 'government', by: '名称以“人民政府”结尾' };
  const end = DEPARTMENT_END.exec(name);
  if (end) return { type: 'department', by: `名称以“${end[1]}”结尾` };
  return undefined;
}

/** The report's body type: the one it states, else the one its name says. */
export function bodyTypeOf(meta: { bodyType?: BodyType; agency?: string }): { type: BodyType; by: string } | undefined {
  if (meta.bodyType) return { type: meta.bodyType, by: '报告中注明' };
  return meta.agency ? inferBodyType(meta.agency) : undefined;
}
