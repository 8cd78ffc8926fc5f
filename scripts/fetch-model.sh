#!/usr/bin/env bash
# Download the embedding model diplomate uses for semantic search, for offline use.
#
# Run this once, by hand, on a machine WITH internet access; diplomate itself never
# downloads anything. Copy the resulting directory to the offline host if needed.
#
#   scripts/fetch-model.sh [TARGET_DIR]      (default: models/multilingual-e5-small)
#
# Model: Xenova/multilingual-e5-small (ONNX export of intfloat/multilingual-e5-small,
# MIT licence, 384-dimensional vectors, about 120 MB for the 8-bit ONNX file).
# Files fetched: config.json, tokenizer.json, tokenizer_config.json,
# special_tokens_map.json and onnx/model_quantized.onnx.
#
# Environment:
#   MODEL_REVISION  git revision on the Hub to fetch (default: main); pin a commit
#                   hash for reproducible indexes.
#   HF_TOKEN        optional access token, sent as a bearer token if set.
#
# Then point diplomate at the directory:  export DIPLOMATE_MODEL_DIR=<absolute path>
# Changing the model (or its file) changes the embedder id, so the search index must
# be rebuilt afterwards.
set -euo pipefail

REPO="Xenova/multilingual-e5-small"
REVISION="${MODEL_REVISION:-main}"
BASE_URL="https://huggingface.co/${REPO}/resolve/${REVISION}"
TARGET="${1:-models/multilingual-e5-small}"
FILES=(config.json tokenizer.json tokenizer_config.json special_tokens_map.json onnx/model_quantized.onnx)

if ! command -v curl >/dev/null 2>&1; then
  echo "error: curl is required" >&2
  exit 1
fi

auth=()
if [[ -n "${HF_TOKEN:-}" ]]; then
  auth=(-H "Authorization: Bearer ${HF_TOKEN}")
fi

mkdir -p "${TARGET}/onnx"
for file in "${FILES[@]}"; do
  echo "fetching ${REPO}@${REVISION}: ${file}"
  # Download to a temporary name so an interrupted run never leaves a truncated file behind.
  curl --fail --location --show-error --progress-bar --retry 3 --connect-timeout 20 \
    ${auth[@]+"${auth[@]}"} --output "${TARGET}/${file}.part" "${BASE_URL}/${file}"
  mv "${TARGET}/${file}.part" "${TARGET}/${file}"
done

dir="$(cd "${TARGET}" && pwd)"
echo
echo "Model ready in ${dir}"
if command -v sha256sum >/dev/null 2>&1; then
  echo "onnx/model_quantized.onnx sha256: $(sha256sum "${dir}/onnx/model_quantized.onnx" | cut -d' ' -f1)"
fi
echo "Set:"
echo "  export DIPLOMATE_MODEL_DIR=${dir}"
