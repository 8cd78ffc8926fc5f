/** Discord's limit on a component's custom id, in characters. */
export const CUSTOM_ID_MAX = 100;

export type ButtonAction =
  | { action: 'sources'; answerId: string }
  | { action: 'vote'; verdict: 'helpful' | 'not-helpful'; answerId: string };

const PREFIX = 'dpl';

export function customIdFor(action: ButtonAction): string {
  const id =
    action.action === 'sources'
      ? `${PREFIX}:src:${action.answerId}`
      : `${PREFIX}:${action.verdict === 'helpful' ? 'up' : 'down'}:${action.answerId}`;
  return id.slice(0, CUSTOM_ID_MAX);
}

export function parseCustomId(customId: string): ButtonAction | null {
  const match = /^dpl:(src|up|down):([A-Za-z0-9_-]{1,64})$/.exec(customId);
  if (!match?.[1] || !match[2]) return null;
  const answerId = match[2];
  if (match[1] === 'src') return { action: 'sources', answerId };
  return { action: 'vote', verdict: match[1] === 'up' ? 'helpful' : 'not-helpful', answerId };
}
