#!/usr/bin/python3
"""Write tests/fixtures/tiny-model/: a tiny BERT-like embedding model for tests.

It is NOT a real language model: its vectors carry no meaning. It only lets the
tests load a model through the real @huggingface/transformers code (tokenizer,
ONNX Runtime session, mean pooling) without any network or large download.

How it was made (Debian 12, no pip; run from the repository root):
    apt-get install -y python3-onnx python3-numpy
    /usr/bin/python3 scripts/make-tiny-model.py

The output is deterministic (fixed seed) and committed, so CI needs no apt step.
Files written (about 36 KB in all):
  config.json            BERT config: hidden_size 16, model_type "bert"
  tokenizer.json         WordPiece tokenizer, a few hundred tokens (FR + EN)
  tokenizer_config.json  special tokens, lower-casing, max length
  onnx/model.onnx        inputs input_ids, attention_mask, token_type_ids
                         (int64 [batch, seq]); output last_hidden_state
                         (float [batch, seq, 16]) =
                         tanh((word_emb[ids] + type_emb[types]) @ W + b) * mask
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 16
SEED = 20240611
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "tiny-model")

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
CHARS = list("abcdefghijklmnopqrstuvwxyz0123456789àâäçéèêëîïôöùûüÿœæ")
PUNCT = list(".,;:!?'\"()-/%&@#«»’")
WORDS = """
query passage the a an of and or to in on for with by is are be this that it as at from
france french europe european union digital diplomacy diplomatic embassy minister ministry
foreign affairs strategy policy cyber security internet governance data privacy platform
platforms regulation law treaty cooperation partner partners international global world
state states government public private sector civil society rights human freedom open
network networks technology technologies innovation artificial intelligence ai model
le la les un une des du de et ou à au aux en dans sur pour par avec est sont ce cette qui
que pas plus numérique diplomatie ambassade ministre ministère étrangères affaires
stratégie politique cybersécurité sécurité gouvernance données vie privée plateforme
plateformes loi traité coopération partenaire partenaires internationale mondial monde
état états gouvernement publique société civile droits homme liberté ouvert réseau
technologie innovation intelligence artificielle modèle souveraineté européenne
""".split()
SUFFIXES = ["s", "e", "es", "er", "ed", "ing", "ion", "tion", "ment", "ique", "al", "ale", "eur"]


def build_vocab():
    vocab = []
    for token in SPECIALS + CHARS + PUNCT + ["##" + c for c in CHARS] + WORDS + ["##" + s for s in SUFFIXES]:
        if token not in vocab:
            vocab.append(token)
    return {token: i for i, token in enumerate(vocab)}


def write_json(name, value):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def tokenizer_json(vocab):
    added = [
        {"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for t in SPECIALS
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": False, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [vocab["[CLS]"]], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [vocab["[SEP]"]], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


def onnx_model(vocab_size):
    rng = np.random.default_rng(SEED)
    word = rng.normal(0.0, 0.5, (vocab_size, HIDDEN)).astype(np.float32)
    types = rng.normal(0.0, 0.1, (2, HIDDEN)).astype(np.float32)
    weight = rng.normal(0.0, 0.4, (HIDDEN, HIDDEN)).astype(np.float32)
    bias = rng.normal(0.0, 0.1, (HIDDEN,)).astype(np.float32)
    nodes = [
        helper.make_node("Gather", ["word_embeddings", "input_ids"], ["words"], axis=0),
        helper.make_node("Gather", ["token_type_embeddings", "token_type_ids"], ["types"], axis=0),
        helper.make_node("Add", ["words", "types"], ["embedded"]),
        helper.make_node("MatMul", ["embedded", "dense_weight"], ["projected"]),
        helper.make_node("Add", ["projected", "dense_bias"], ["biased"]),
        helper.make_node("Tanh", ["biased"], ["activated"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "last_axis"], ["mask_3d"]),
        helper.make_node("Mul", ["activated", "mask_3d"], ["last_hidden_state"]),
    ]
    initializers = [
        numpy_helper.from_array(word, "word_embeddings"),
        numpy_helper.from_array(types, "token_type_embeddings"),
        numpy_helper.from_array(weight, "dense_weight"),
        numpy_helper.from_array(bias, "dense_bias"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
    ]
    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "sequence"])
              for n in ("input_ids", "attention_mask", "token_type_ids")]
    outputs = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])]
    graph = helper.make_graph(nodes, "tiny_bert", inputs, outputs, initializers)
    model = helper.make_model(graph, producer_name="diplomate-make-tiny-model",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


def main():
    os.makedirs(os.path.join(OUT, "onnx"), exist_ok=True)
    vocab = build_vocab()
    write_json("config.json", {
        "_name_or_path": "diplomate/tiny-model", "architectures": ["BertModel"], "model_type": "bert",
        "hidden_size": HIDDEN, "num_hidden_layers": 1, "num_attention_heads": 1, "intermediate_size": 32,
        "hidden_act": "gelu", "max_position_embeddings": 512, "type_vocab_size": 2, "vocab_size": len(vocab),
        "pad_token_id": vocab["[PAD]"], "layer_norm_eps": 1e-12, "torch_dtype": "float32",
    })
    write_json("tokenizer.json", tokenizer_json(vocab))
    write_json("tokenizer_config.json", {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": False,
        "clean_up_tokenization_spaces": True, "model_max_length": 512,
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]",
    })
    onnx.save(onnx_model(len(vocab)), os.path.join(OUT, "onnx", "model.onnx"))
    print(f"wrote {os.path.normpath(OUT)} (vocabulary: {len(vocab)} tokens, hidden size: {HIDDEN})")


if __name__ == "__main__":
    main()
