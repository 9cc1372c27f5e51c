/** Files `strata import` and the app's Open take as models: ONNX, and TF.js / Keras JSON. */
export const MODEL_FILE = /\.(onnx|json)$/i;
