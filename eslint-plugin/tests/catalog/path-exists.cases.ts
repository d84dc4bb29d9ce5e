import { twoShapeCases } from './two-shapes.js';

export const { invalid, valid } = twoShapeCases('path-exists', 'pathExistsSync', 'pathExists', 'pathExists');
