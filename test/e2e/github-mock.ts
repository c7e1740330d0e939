import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly at: number;
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  created_at: string;
}

/** One injected answer instead of the normal one, for the first `times` matching requests. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  times: number;
}

/**
 * The few REST endpoints post-pr-summary uses, on 127.0.0.1: GET /user, list / create / update
 * issue comments. Records every request and answers injected faults first.
 */
export class GitHubMock {
  readonly requests: RecordedRequest[] = [];
  readonly comments: StoredComment[] = [];
  readonly faults: Fault[] = [];
  /** Who the token is: a login for GET /user, or undefined to answer 403 as for GITHUB_TOKEN. */
  tokenUser: string | undefined = undefined;
  /** Author of comments created with the token (github-actions[bot] for GITHUB_TOKEN). */
  commentAuthor = 'github-actions[bot]';
  private server?: Server;
  private nextId = 1000;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  fault(f: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...f });
  }

  seedComment(login: string, body: string): StoredComment {
    const c = this.newComment(login, body);
    this.comments.push(c);
    return c;
  }

  private newComment(login: string, body: string): StoredComment {
    const id = this.nextId++;
    return {
      id,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/contoso/landing-zone/pull/7#issuecomment-${id}`,
      created_at: new Date().toISOString(),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      ...(raw ? { body: JSON.parse(raw) } : {}),
      at: Date.now(),
    });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };

    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.times--;
      send(fault.status, fault.body ?? { message: 'injected' }, fault.headers);
      return;
    }

    if (method === 'GET' && url.pathname === '/user') {
      if (this.tokenUser) send(200, { login: this.tokenUser, id: 1, type: 'User' });
      else
        send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      return;
    }
    let m = /^\/repos\/contoso\/landing-zone\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (m && method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      send(200, this.comments.slice((page - 1) * perPage, page * perPage));
      return;
    }
    if (m && method === 'POST') {
      const body = (JSON.parse(raw) as { body: string }).body;
      if (body.length > 65536) {
        send(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: 'body is too long (maximum is 65536 characters)',
            },
          ],
        });
        return;
      }
      const c = this.newComment(this.tokenUser ?? this.commentAuthor, body);
      this.comments.push(c);
      send(201, c);
      return;
    }
    m = /^\/repos\/contoso\/landing-zone\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return send(404, { message: 'Not Found' });
      const body = (JSON.parse(raw) as { body: string }).body;
      if (body.length > 65536) return send(422, { message: 'Validation Failed' });
      c.body = body;
      send(200, c);
      return;
    }
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }
}
