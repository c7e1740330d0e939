import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, nic, nsg, ref, res, T, vnet } from '../testing/graph.js';
import { mermaidLabel, renderTopologyMermaid } from './mermaid.js';

const CHROMIUM = '/usr/bin/chromium';

function estate() {
  return analyse([
    vnet(
      'vnet-hub',
      ['10.0.0.0/16'],
      [{ name: 'AzureFirewallSubnet', prefix: '10.0.0.0/26' }],
      [
        { name: 'h-a', remote: 'vnet-"prod"[eu]' },
        { name: 'h-b', remote: 'vnet-bé' },
      ],
    ),
    res(T.fw, 'fw-hub', {
      ipConfigurations: [
        { name: 'c', properties: { subnet: ref(T.subnet, 'vnet-hub/AzureFirewallSubnet') } },
      ],
    }),
    vnet(
      'vnet-"prod"[eu]',
      ['10.1.0.0/16'],
      [{ name: 'snet-web <edge> & co', prefix: '10.1.1.0/24', nsg: 'nsg-web' }],
      [
        { name: 'a-h', remote: 'vnet-hub' },
        { name: 'a-b', remote: 'vnet-bé' },
      ],
    ),
    vnet(
      'vnet-bé',
      ['10.2.0.0/16'],
      [{ name: 'snet-app#1 (ünïcode) 🚀', prefix: '10.2.1.0/24' }],
      [
        { name: 'b-h', remote: 'vnet-hub' },
        { name: 'b-a', remote: 'vnet-"prod"[eu]' },
      ],
    ),
    nsg('nsg-web', [{ name: 'allow-https', priority: 100, source: 'Internet', ports: ['443', '22'] }]),
    res(T.pip, 'pip-web'),
    nic('nic-web', { vnet: 'vnet-"prod"[eu]', subnet: 'snet-web <edge> & co', publicIp: 'pip-web' }),
    vnet('vnet-lonely', ['192.168.0.0/24'], []),
  ]);
}

describe('renderTopologyMermaid', () => {
  it('draws hub, spokes, firewall, bypassing peerings and exposed ports', () => {
    const text = renderTopologyMermaid(estate());
    expect(text).toMatch(/^flowchart LR\n/);
    expect(text).toContain('Azure Firewall fw-hub');
    expect(text).toContain('#40;hub#41;');
    expect(text).toContain('bypasses hub firewall');
    expect(text).toMatch(/internet -->\|"tcp\/22,443"\| v\ds0/);
    expect(text).not.toMatch(/\[[^"\n]*"[^"\n]*"[^"\n]*"/); // no raw quote inside a quoted label
  });

  it('escapes characters Mermaid cannot take raw', () => {
    expect(mermaidLabel('a"b[c]<d>#é')).toBe('"a#34;b#91;c#93;#60;d#62;#35;#233;"');
  });
});

/**
 * Feed the diagram to Mermaid itself in headless Chromium: a parse error fails the test. Skipped
 * (with a message) only when Chromium is not installed (scripts/ci/install-chromium.sh installs it).
 */
describe.skipIf(!existsSync(CHROMIUM))('Mermaid accepts the diagram', () => {
  let browser: import('playwright-core').Browser | undefined;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('parses and renders in Mermaid', async () => {
    const page = await browser!.newPage();
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    const text = renderTopologyMermaid(estate());
    const result = await page.evaluate(async (source) => {
      const m = (
        globalThis as unknown as {
          mermaid: {
            initialize(o: object): void;
            parse(t: string): Promise<unknown>;
            render(id: string, t: string): Promise<{ svg: string }>;
          };
        }
      ).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        await m.parse(source);
        const { svg } = await m.render('topology', source);
        return { ok: true, svg };
      } catch (e) {
        return { ok: false, error: String((e as Error)?.message ?? e) };
      }
    }, text);
    expect(result.ok ? 'parsed' : `${result.error}\n${text}`).toBe('parsed');
    expect(result.svg).toContain('<svg');
    expect(result.svg).toContain('fw-hub');
    await page.close();
  }, 60_000);
});

if (!existsSync(CHROMIUM))
  console.warn(
    `[mermaid test] ${CHROMIUM} not found: skipping the Mermaid render check (run scripts/ci/install-chromium.sh).`,
  );
