/** 安全告警: one alert as GET /api/security-alerts returns it. */
export type SecurityAlert = {
  id: number;
  kind: string;
  kindName: string;
  kindNameEn: string;
  username: string | null;
  postLabel: string | null;
  count: number;
  limit: number | null;
  at: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

export type SecurityAlertQuery = { status: 'open' | 'all'; page: number; pageSize: number };
