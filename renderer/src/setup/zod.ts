import { z } from 'zod';

// The CSP forbids eval, so zod must not try to compile parsers with new Function (it would log CSP
// violations on every first parse). Chinese default messages cover the few checks without our own text.
z.config({ jitless: true });
z.config(z.locales.zhCN());
