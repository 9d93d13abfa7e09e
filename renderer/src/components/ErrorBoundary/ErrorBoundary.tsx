import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** The screens to protect. */
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** A rendering bug shows a Chinese explanation and a way out instead of a blank window. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('界面渲染出错', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Center mih="100vh" p="xl">
        <Stack align="center" maw={560} gap="md">
          <Title order={2}>界面出现了问题</Title>
          <Text ta="center">
            很抱歉，程序界面遇到了意外错误。已保存的数据不受影响，请点击“重新加载”后继续工作；如果反复出现，请联系系统管理员。
          </Text>
          <Code block w="100%">
            {error.message}
          </Code>
          <Button size="md" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        </Stack>
      </Center>
    );
  }
}
