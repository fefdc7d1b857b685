declare module 'markdown-it-texmath';
