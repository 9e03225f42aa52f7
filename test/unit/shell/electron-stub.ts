// A stand-in for the 'electron' module (no Electron binary exists here): it records what the shell asks of it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: any[]) => unknown;

/** A small event emitter that also lets a test fire events the way Electron would. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** What a guarded event looks like to a listener: a URL and preventDefault. */
export function electronEvent(url?: string): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url: url ?? '',
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends Emitter {
  mainFrame = new FakeFrame('app://desk/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  executed: string[] = [];
  executeJavaScript(code: string): Promise<unknown> {
    this.executed.push(code);
    return Promise.resolve(undefined);
  }
  printOptions: Record<string, unknown> | null = null;
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printOptions = options;
    return Promise.resolve(Buffer.from('%PDF-1.7 printed'));
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;
  maximized = false;
  /** Where the window is now (as Electron would report it), starting from what it was created with. */
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
    this.bounds = { x: options.x ?? 320, y: options.y ?? 140, width: options.width ?? 800, height: options.height ?? 600 };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const base = mkdtempSync(join(tmpdir(), 'privacy-desk-shell-'));

function freshState() {
  return {
    /** Names of the calls the shell made, in order; 'ready' marks the moment `app` became ready. */
    log: [] as string[],
    ready: false,
    singleInstanceLock: true,
    quitCalls: 0,
    exitCodes: [] as number[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    devicePermissionHandler: null as Listener | null,
    beforeRequest: null as Listener | null,
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    invokeResult: { ok: true, value: 'from main' } as unknown,
    errorBoxes: [] as string[],
    /** The application menus set, last one current. */
    menus: [] as { template: any[] }[],
    /** The work areas of the connected displays. */
    displays: [{ x: 0, y: 0, width: 1920, height: 1040 }] as { x: number; y: number; width: number; height: number }[],
    saveDialogs: [] as { window: unknown; options: Record<string, any> }[],
    /** What the person does in the save dialog: a path, or null for Cancel. */
    saveDialogAnswer: undefined as string | null | undefined,
    messageBoxes: [] as Record<string, any>[],
    /** Where app.getPath() points for this test. */
    base: mkdtempSync(join(base, 'run-')),
  };
}

/** What the shell asked of Electron in the current test. */
export const state = freshState();

/** Like Electron, refuse what must happen before ready once it is ready. */
function beforeReady(name: string): void {
  state.log.push(name);
  if (state.ready) throw new Error(`${name} can only be called before app is ready`);
}

const app = Object.assign(new Emitter(), {
  isPackaged: false,
  enableSandbox: () => beforeReady('app.enableSandbox'),
  requestSingleInstanceLock: () => {
    state.log.push('app.requestSingleInstanceLock');
    return state.singleInstanceLock;
  },
  quit: () => {
    state.log.push('app.quit');
    state.quitCalls++;
  },
  exit: (code: number) => {
    state.exitCodes.push(code);
  },
  whenReady: () =>
    Promise.resolve().then(() => {
      state.ready = true;
      state.log.push('ready');
    }),
  getPath: (name: string) => join(state.base, name),
  getVersion: () => '1.9.0',
  getAppPath: () => join(state.base, 'app'),
});

/** The module the shell sees as 'electron'. The objects stay the same; resetElectronStub() clears what they hold. */
export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      beforeReady('protocol.registerSchemesAsPrivileged');
      state.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      state.log.push('protocol.handle');
      state.protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (state.permissionRequestHandler = handler),
      setPermissionCheckHandler: (handler: Listener) => (state.permissionCheckHandler = handler),
      setDevicePermissionHandler: (handler: Listener) => (state.devicePermissionHandler = handler),
      webRequest: { onBeforeRequest: (handler: Listener) => (state.beforeRequest = handler) },
    },
  },
  ipcMain: {
    handle: (channel: string, handler: Listener) => {
      // Electron throws on a second handler for one channel; so does the stub.
      if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      state.ipcHandlers.set(channel, handler);
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      state.invoked.push(args);
      return Promise.resolve(state.invokeResult);
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value),
  },
  dialog: {
    showErrorBox: (_title: string, message: string) => state.errorBoxes.push(message),
    showSaveDialog: (...args: unknown[]) => {
      const [window, options] = args.length === 2 ? args : [null, args[0]];
      state.saveDialogs.push({ window, options: options as Record<string, any> });
      const answer = state.saveDialogAnswer === undefined ? (options as { defaultPath: string }).defaultPath : state.saveDialogAnswer;
      return Promise.resolve(answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer });
    },
    showMessageBox: (...args: unknown[]) => {
      state.messageBoxes.push((args.length === 2 ? args[1] : args[0]) as Record<string, any>);
      return Promise.resolve({ response: 0, checkboxChecked: false });
    },
  },
  Menu: {
    buildFromTemplate: (template: any[]) => ({ template }),
    setApplicationMenu: (menu: { template: any[] }) => state.menus.push(menu),
  },
  screen: {
    getAllDisplays: () => state.displays.map((workArea) => ({ workArea, bounds: workArea })),
  },
};

export function resetElectronStub(): void {
  FakeBrowserWindow.created = [];
  app.listeners.clear();
  app.isPackaged = false;
  Object.assign(state, freshState());
}
