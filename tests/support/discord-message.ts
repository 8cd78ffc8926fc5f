/** The fields of a Discord message payload that the loopback stand-ins never vary, as discord.js expects them. */
export function messageFields(fields: {
  id: string;
  content: string;
  author: Record<string, unknown>;
  embeds?: unknown[];
  components?: unknown[];
  mentions?: unknown[];
  flags?: number;
}): { id: string; content: string } & Record<string, unknown> {
  return {
    id: fields.id,
    type: 0,
    content: fields.content,
    author: { discriminator: '0', avatar: null, global_name: null, ...fields.author },
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    attachments: [],
    mentions: fields.mentions ?? [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: fields.flags ?? 0,
  };
}
