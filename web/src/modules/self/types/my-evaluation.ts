/** One year of 团籍注册 and 教育评议 for oneself (GET /api/me/evaluations). */
export type MyEvaluation = {
  year: number;
  /** The cycle's state: open, submitted, approved or returned; results show once approved. */
  status: string;
  /** registered or deferred (暂缓注册); null until approved. */
  registration: string | null;
  deferUntil: string | null;
  /** excellent, qualified, basic or unqualified; null until approved, and for exempt members. */
  grade: string | null;
  correctionUntil: string | null;
  /** A Party member keeping 团籍: registers without a grade. */
  exempt: boolean;
};
