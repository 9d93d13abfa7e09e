/** IPC channel names, shared by main and the preload (which bundles this file in). */
export const IPC = {
  call: 'desk:call',
  printToPdf: 'desk:print-to-pdf',
  event: 'desk:event',
  updateState: 'desk:update-state',
  restartToUpdate: 'desk:restart-to-update',
} as const;
