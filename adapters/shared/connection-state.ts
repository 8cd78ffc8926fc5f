/** What `/healthz` reports for a chat adapter: reaching its platform, connected to it, or not (retrying). */
export type ConnectionState = 'connected' | 'starting' | 'disconnected';
