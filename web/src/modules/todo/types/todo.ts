/** One kind of work waiting for the current post (GET /api/todo). */
export type TodoItem = {
  kind: string;
  count: number;
  /** Already late (past the response time). */
  overdue: number;
  /** Close to late. */
  dueSoon: number;
  /** The page that lists them. */
  link: string;
};
