import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/ipc/channels';

// One function per channel, nothing else: the renderer never gets ipcRenderer itself.
const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]));

contextBridge.exposeInMainWorld('api', api);
