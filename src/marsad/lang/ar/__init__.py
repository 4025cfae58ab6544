"""Arabic language data and rules: normalisation, tokens, sentences, numbers, dates, lexicons."""
