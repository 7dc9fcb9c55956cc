"""`spacy train --code training/numpy_blas.py` (`train.py --numpy-blas`): build the models on numpy's BLAS
instead of blis, as eventlens runs them (eventlens.nlp.MATMUL). On our machine blis multiplies at a third of
the speed, so training runs 2-3x faster; the shipped packs were trained on blis (see RESULTS.md)."""

from thinc.api import NumpyOps, set_current_ops

set_current_ops(NumpyOps(use_blis=False))
