"""serve-model: the embedded GGUF behind llama-cpp-python's OpenAI-compatible server."""

from __future__ import annotations

from .embedded import INSTALL_HINT, model_file
from .errors import ModelAssetError
from .settings import Settings


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8765) -> None:
    try:
        import uvicorn
        from llama_cpp.server.app import create_app
        from llama_cpp.server.settings import ModelSettings, ServerSettings
    except ImportError as exc:
        raise ModelAssetError("the llama-cpp-python server extra is not installed",
                              hint=INSTALL_HINT) from exc
    path = model_file(settings)
    alias = settings.model if not settings.model_path else path.name
    app = create_app(server_settings=ServerSettings(host=host, port=port),
                     model_settings=[ModelSettings(model=str(path), model_alias=alias,
                                                   n_ctx=settings.n_ctx,
                                                   n_threads=settings.n_threads,
                                                   chat_format="chatml", verbose=False)])
    uvicorn.run(app, host=host, port=port, log_level="warning")
