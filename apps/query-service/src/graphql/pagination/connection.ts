import type { PageInfoModel } from './page-info.model';

export interface Edge<Node> {
  node: Node;
  cursor: string;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfoModel;
}

/**
 * A forward page from `size + 1` fetched rows: the extra row only tells that there is a next page.
 */
export function toConnection<Row, Node>(
  rows: readonly Row[],
  size: number,
  toNode: (row: Row) => Node,
  cursorOf: (row: Row) => string,
): Connection<Node> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ node: toNode(row), cursor: cursorOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
