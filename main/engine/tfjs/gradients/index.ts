import * as tf from '@tensorflow/tfjs';
import { fusedBatchNormGradient } from './batch-norm.js';

// Strata's replacements for tfjs gradients that do far more work than needed; gradients are
// backend-independent, so registering once covers cpu, wasm and any later backend.
tf.registerGradient(fusedBatchNormGradient);
