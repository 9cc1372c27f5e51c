import { editorStore, useEditor } from '../store/editorStore.js';

/** One tab per model of the project (a GAN's generator and discriminator). */
export function ModelTabs() {
  const models = useEditor((s) => s.doc.models);
  const active = useEditor((s) => s.activeModelId);
  const current = models.some((m) => m.id === active) ? active : models[0]?.id;
  const store = editorStore.getState();
  return (
    <div className="model-tabs">
      <div role="tablist" aria-label="Models">
        {models.map((model) => (
          <button
            key={model.id}
            type="button"
            role="tab"
            aria-selected={model.id === current}
            className="model-tab"
            onClick={() => store.setActiveModel(model.id)}
          >
            {model.name}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="model-add"
        aria-label="Add model"
        title="Add model"
        onClick={() => store.addModel()}
      >
        +
      </button>
    </div>
  );
}
