declare module 'virtual:handbook/code.css';
