/**
 * What applies to a file: the editor's `unblock` settings (fetched per document and cached until they change, or
 * sent at start by clients that cannot be asked), the workspace's ESLint config (trusted workspaces only), and from
 * both what each rule checks for.
 */
import { pathToFileURL } from 'node:url';
import { eslintCheckOptions, type CheckOptions, type EslintRules } from 'unblock-core';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import type { ClientSupport } from './capabilities.js';
import { EslintConfigs } from './eslint-config.js';
import type { Log } from './log.js';
import { isInside } from './paths.js';
import { defaultSettings, normalizeSettings, type UnblockSettings } from './settings.js';

/** What a file is analysed with. */
export interface FileConfiguration {
  readonly settings: UnblockSettings;
  /** The unblock rules and `settings.unblock` of the workspace's ESLint config, when it is read. */
  readonly eslint: EslintRules | undefined;
  readonly options: CheckOptions;
}

export class Configuration {
  /** The workspace is trusted: its ESLint config may be loaded (it runs the workspace's code). */
  trusted = false;
  folders: readonly string[] = [];
  private globalSettings: UnblockSettings = defaultSettings;
  private readonly settingsCache = new Map<string, Promise<UnblockSettings>>();
  /** The answers of `settingsCache` that have come in. */
  private readonly settingsIn = new Map<string, UnblockSettings>();
  private readonly eslintConfigs: EslintConfigs;

  constructor(
    private readonly connection: Connection,
    private readonly client: () => ClientSupport,
    private readonly log: Log,
  ) {
    this.eslintConfigs = new EslintConfigs({
      log: (message) => log.info(message),
      warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    });
  }

  /** Settings sent without being asked for (`initializationOptions`, `workspace/didChangeConfiguration`). */
  received(raw: unknown): void {
    if (raw !== undefined) this.globalSettings = this.read(raw);
    this.forget();
  }

  /**
   * Asks for the settings of each workspace folder, at start: the preliminary pass answers the first file with them
   * (`settingsEarly`) instead of waiting for its own, a round trip through the editor, busy then.
   */
  prefetch(): void {
    if (!this.client().configuration) return;
    for (const folder of this.folders) void this.settingsFor(pathToFileURL(folder).href);
  }

  /**
   * The settings of the document at `uri` without a round trip of its own: its own once they have come in, else
   * those of its workspace folder, asked at start (what VS Code answers for every file of a folder; other editors
   * answer one set for all); undefined when neither was asked. For the preliminary pass only, which the typed pass
   * — with the document's own settings — replaces.
   */
  settingsEarly(uri: string, fileName: string): Promise<UnblockSettings> | undefined {
    if (!this.client().configuration) return Promise.resolve(this.globalSettings);
    const own = this.settingsIn.get(uri);
    if (own) return Promise.resolve(own);
    const folder = this.workspaceFolderOf(fileName);
    return folder === undefined ? undefined : this.settingsCache.get(pathToFileURL(folder).href);
  }

  private forget(): void {
    this.settingsCache.clear();
    this.settingsIn.clear();
  }

  /**
   * `workspace/didChangeConfiguration`: whether the settings of any document changed. A client that answers
   * `workspace/configuration` is asked again for the documents asked before (its notification's payload is only a
   * signal: VS Code sends the raw section, and sends it once when the server registers for it, changed or not).
   */
  async changed(raw: unknown): Promise<boolean> {
    if (!this.client().configuration) {
      const before = JSON.stringify(this.globalSettings);
      this.received(raw);
      return JSON.stringify(this.globalSettings) !== before;
    }
    const asked = [...this.settingsCache];
    this.forget();
    const pairs = await Promise.all(asked.map(([uri, before]) => Promise.all([before, this.settingsFor(uri)])));
    return pairs.some(([before, after]) => JSON.stringify(before) !== JSON.stringify(after));
  }

  /** An ESLint config changed: load it again. */
  eslintChanged(): void {
    this.eslintConfigs.invalidate();
  }

  settingsFor(uri: string): Promise<UnblockSettings> {
    if (!this.client().configuration) return Promise.resolve(this.globalSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      const asked: Promise<UnblockSettings> = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'unblock' }).then(
        (raw: unknown) => (raw === null || raw === undefined ? this.globalSettings : this.read(raw)),
        (error: unknown) => {
          this.log.failed('workspace/configuration', error);
          return this.globalSettings;
        },
      );
      settings = asked.then((answer) => {
        if (this.settingsCache.get(uri) === settings) this.settingsIn.set(uri, answer);
        return answer;
      });
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** Everything `fileName` (the document at `uri`) is analysed with. */
  async forFile(uri: string, fileName: string, settings: UnblockSettings): Promise<FileConfiguration> {
    // Trust covers the workspace folders: a file from elsewhere loads no ESLint (nor its config, nor a package) from
    // its own folder, which would run code nobody trusted.
    const folder = this.workspaceFolderOf(fileName);
    const eslint = this.trusted && folder !== undefined && settings.useEslintConfig !== false ? await this.eslintConfigs.rulesFor(fileName, folder) : undefined;
    for (const problem of eslint?.problems ?? []) this.log.once(`eslint:${problem}`, `the ESLint config of ${fileName}: ignoring ${problem}`);
    return { settings, eslint, options: checkOptions(eslint, settings) };
  }

  /**
   * What `forFile` gives, without waiting: a workspace ESLint config not read yet (reading it loads the workspace's
   * ESLint and plugins: seconds) is left out, and the settings apply; nothing is loaded. For the preliminary pass,
   * which must answer at once; the typed pass reads the config (`forFile`).
   */
  forFileNow(fileName: string, settings: UnblockSettings): FileConfiguration {
    const folder = this.workspaceFolderOf(fileName);
    const read = this.trusted && folder !== undefined && settings.useEslintConfig !== false ? this.eslintConfigs.readRules(fileName, folder) : undefined;
    const eslint = read === 'pending' ? undefined : read;
    return { settings, eslint, options: checkOptions(eslint, settings) };
  }

  /** Editor settings, checked: what is malformed is left out, and said once. */
  private read(raw: unknown): UnblockSettings {
    const problems: string[] = [];
    const settings = normalizeSettings(raw, problems);
    for (const problem of problems) this.log.once(`setting:${problem}`, `ignoring a setting: ${problem}`);
    return settings;
  }

  /** The (innermost) workspace folder of a file, ESLint's cwd; undefined for a file outside them all. */
  private workspaceFolderOf(fileName: string): string | undefined {
    return this.folders.filter((candidate) => isInside(candidate, fileName)).sort((a, b) => b.length - a.length)[0];
  }
}

/**
 * What each rule checks for: a rule the workspace's ESLint config sets takes its options there, over the config's
 * shared `settings.unblock` (a rule it turns off is not checked); otherwise the editor's settings.
 */
export function checkOptions(eslint: EslintRules | undefined, settings: UnblockSettings): CheckOptions {
  return eslintCheckOptions(eslint, settings);
}
