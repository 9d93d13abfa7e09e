import { Center, Loader } from '@mantine/core';

interface PageLoaderProps {
  /** Fill the whole window (before the app shell) rather than the shell's content area. */
  fullScreen?: boolean;
}

/** Shown while a screen's code arrives; it takes the screen's place so nothing around it moves. */
export function PageLoader({ fullScreen = false }: PageLoaderProps) {
  return (
    <Center mih={fullScreen ? '100vh' : '50vh'}>
      {/* role=status: a label on a plain span is not read out. */}
      <Loader role="status" aria-label="加载中…" />
    </Center>
  );
}
