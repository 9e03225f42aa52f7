// The one IPC channel between the preload bridge and the main process; both sides import this name.
export const deskCallChannel = 'desk:call';
