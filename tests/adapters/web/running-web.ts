import { createWebServer, type WebServer, type WebServerOptions } from '../../../adapters/web/server.js';

/** A real web server on an ephemeral loopback port. */
export interface RunningWeb {
  web: WebServer;
  url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
}

export async function startWeb(options: WebServerOptions): Promise<RunningWeb> {
  const web = createWebServer(options);
  const { url } = await web.start(0, '127.0.0.1');
  return { web, url, get: (path, init) => fetch(url + path, init) };
}

export const BUDAPEST_FR = "Combien d'États ont ratifié la Convention de Budapest ?";
/** Not covered, but with nearest passages to offer. */
export const OFF_TOPIC = "Quel est le budget de l'armée de terre en 2019 ?";
/** Not covered, with nothing near enough to offer. */
export const FAR_OFF = 'Quelle est la recette de la tarte tatin ?';
