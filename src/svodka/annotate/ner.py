"""slovnet's news NER network, run over sentences laid end to end.

slovnet pads a batch of sentences to the longest, and builds each convolution
as a matrix of copied windows. Here the sentences of a batch are one long
column of word vectors, each followed by a zero row (slovnet's padding
vector is zero too, so a sentence sees exactly what it sees in slovnet), and
a convolution is one matrix product with the kernel's three weight slices
side by side, whose slices are then added shifted by one row. Nothing is
padded or copied, and the weights are slovnet's own.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import numpy as np
from slovnet.shape import word_shape

# Word rows per matrix product: big enough to be efficient, small enough to stay in cache.
ROWS_PER_BLOCK = 4_096
# Words whose products with the first layer's weights are kept (3 KB each). News words
# follow Zipf's law: the first this many distinct words a process meets are most of its text.
KEPT_WORDS = 16_384


class ConvLayer:
    """A Conv1d (kernel 3, padding 1), ReLU and BatchNorm1d of slovnet's CNN encoder."""

    def __init__(self, layer):
        weight = layer.conv.weight.array  # filters x in x kernel
        filters, _, kernel = weight.shape
        if kernel != 3 or layer.conv.padding != 1:
            raise ValueError("only slovnet's kernel-3 convolutions are supported")
        self.filters = filters
        self.weights = np.ascontiguousarray(np.concatenate([weight[:, :, k].T for k in range(kernel)], axis=1))
        self.bias = layer.conv.bias.array
        norm = layer.norm
        self.scale = norm.weight.array / norm.std.array
        self.shift = norm.bias.array - norm.mean.array * self.scale

    def __call__(self, rows: np.ndarray, gaps: np.ndarray) -> np.ndarray:
        return self.finish(rows @ self.weights, gaps)

    def finish(self, products: np.ndarray, gaps: np.ndarray) -> np.ndarray:
        """The layer's output from each row's products with the three weight slices."""
        f = self.filters
        out = np.empty((len(products), f), dtype=products.dtype)
        out[0] = out[-1] = 0
        inner = out[1:-1]  # the sums in slovnet's order, written in place
        np.add(products[:-2, :f], products[1:-1, f : 2 * f], out=inner)
        inner += products[2:, 2 * f :]
        inner += self.bias
        np.maximum(out, 0, out=out)
        out *= self.scale
        out += self.shift
        out[gaps] = 0
        return out


class FirstProducts:
    """Each word's products with the first layer's weights, which depend on the word alone:
    a distinct word is embedded and multiplied once per block, and the first KEPT_WORDS
    words met are remembered for the next blocks."""

    def __init__(self, embedding, weights: np.ndarray, shapes: int):
        self.embedding, self.weights, self.shapes = embedding, weights, shapes
        self.kept = np.empty((KEPT_WORDS, weights.shape[1]), dtype=weights.dtype)
        self.row_of: dict[int, int] = {}

    def __call__(self, word_ids: np.ndarray, shape_ids: np.ndarray) -> np.ndarray:
        keys, row_of_key = np.unique(word_ids * self.shapes + shape_ids, return_inverse=True)
        rows = [self.row_of.get(key, -1) for key in keys.tolist()]
        known = np.array(rows) >= 0
        products = np.empty((len(keys), self.weights.shape[1]), dtype=self.weights.dtype)
        products[known] = self.kept[[row for row in rows if row >= 0]]
        new = keys[~known]
        if len(new):
            products[~known] = self.embedding(new // self.shapes, new % self.shapes) @ self.weights
            room = min(len(new), KEPT_WORDS - len(self.row_of))
            if room > 0:
                start = len(self.row_of)
                self.kept[start : start + room] = products[~known][:room]
                self.row_of.update(zip(new[:room].tolist(), range(start, start + room)))
        return products[row_of_key]


class SentenceNER:
    """The BIO tags slovnet's NER model gives each word of each sentence."""

    def __init__(self, infer):
        model, encoder = infer.model, infer.encoder
        self.words_vocab, self.shapes_vocab = encoder.words_vocab, encoder.shapes_vocab
        self.embedding = model.emb
        self.layers = [ConvLayer(layer) for layer in model.encoder.layers]
        self.projection = model.head.proj
        self.crf = model.head.crf
        self.tags = infer.decoder.tags_vocab
        self.ids = lru_cache(maxsize=200_000)(self._ids)
        self.first_products = FirstProducts(self.embedding, self.layers[0].weights, len(self.shapes_vocab.items))

    def _ids(self, word: str) -> tuple[int, int]:
        return self.words_vocab.encode(word.lower()), self.shapes_vocab.encode(word_shape(word))

    def __call__(self, sentences: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        block: list[list[str]] = []
        rows = 0
        for words in sentences:
            if block and rows + len(words) + 1 > ROWS_PER_BLOCK:
                out += self._tag_block(block)
                block, rows = [], 0
            block.append(words)
            rows += len(words) + 1
        if block:
            out += self._tag_block(block)
        return out

    def _tag_block(self, block: list[list[str]]) -> list[list[str]]:
        """One zero row before each sentence and after the last; the network over all rows at once."""
        pad_word, pad_shape = self.words_vocab.pad_id, self.shapes_vocab.pad_id
        word_ids, shape_ids, starts = [pad_word], [pad_shape], []
        for words in block:
            starts.append(len(word_ids))
            for word in words:
                word_id, shape_id = self.ids(word)
                word_ids.append(word_id)
                shape_ids.append(shape_id)
            word_ids.append(pad_word)
            shape_ids.append(pad_shape)
        word_ids, shape_ids = np.array(word_ids), np.array(shape_ids)
        gaps = word_ids == pad_word
        first, *rest = self.layers
        rows = first.finish(self.first_products(word_ids, shape_ids), gaps)
        for layer in rest:
            rows = layer(rows, gaps)
        emissions = self.projection(rows)
        return self._decode(emissions, starts, [len(words) for words in block])

    def _decode(self, emissions: np.ndarray, starts: list[int], lengths: list[int]) -> list[list[str]]:
        """slovnet's Viterbi decoding, over the sentences padded to the longest, longest first."""
        out: list[list[str]] = [[] for _ in lengths]
        order = sorted((i for i, length in enumerate(lengths) if length), key=lambda i: -lengths[i])
        if not order:
            return out
        sizes = [lengths[i] for i in order]
        padded = np.zeros((len(order), sizes[0], emissions.shape[1]), dtype=emissions.dtype)
        for row, i in enumerate(order):
            padded[row, : lengths[i]] = emissions[starts[i] : starts[i] + lengths[i]]
        for i, tags in zip(order, viterbi(self.crf.transitions.array, padded, sizes)):
            out[i] = [self.tags.decode(tag) for tag in tags]
        return out


def viterbi(transitions: np.ndarray, emissions: np.ndarray, sizes: list[int]) -> list[list[int]]:
    """slovnet's `CRF.decode` (the same sums, maxima and first-best ties) over sentences padded to the
    longest and ordered longest first, `sizes` their lengths: each sentence's best tags. At each step
    only the sentences still running (a prefix) are computed, as slovnet's mask keeps the others'."""
    steps = sizes[0]
    score = emissions[:, 0].copy()
    running = [bisect_left([-size for size in sizes], -index) for index in range(steps)]  # sizes > index
    history = []
    for index in range(1, steps):
        n = running[index]
        candidates = score[:n, :, None] + transitions + emissions[:n, index][:, None, :]  # n x from x to
        history.append(candidates.argmax(-2))
        score[:n] = candidates.max(-2)
    best = score.argmax(-1)
    path = [best.copy()]
    for index in range(steps - 1, 0, -1):
        n = running[index]
        best[:n] = history[index - 1][np.arange(n), best[:n]]
        path.append(best.copy())
    path.reverse()
    table = np.stack(path, axis=1).tolist()
    return [row[:size] for row, size in zip(table, sizes)]
