export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Risk = (typeof RISK_LEVELS)[number];

export const riskRank = (risk: Risk): number => RISK_LEVELS.indexOf(risk);

export const maxRisk = (...risks: Risk[]): Risk =>
  risks.reduce<Risk>((top, risk) => (riskRank(risk) > riskRank(top) ? risk : top), 'none');
