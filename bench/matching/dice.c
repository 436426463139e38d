/* Baseline for bench/matching: Dice coefficient of one 1024-bit encoding against n others, the plain C loop
   with popcount (GCC/Clang __builtin_popcountll). Reads q (128 bytes), n and n encodings from stdin as raw
   bytes, runs `rounds` passes, prints comparisons per second and a checksum to compare with WebAssembly. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void dice_many(const uint64_t *q, const uint64_t *base, size_t n, float *out) {
  int qc = 0;
  for (int w = 0; w < 16; w++) qc += __builtin_popcountll(q[w]);
  for (size_t i = 0; i < n; i++) {
    const uint64_t *b = base + i * 16;
    int both = 0, ones = 0;
    for (int w = 0; w < 16; w++) {
      both += __builtin_popcountll(q[w] & b[w]);
      ones += __builtin_popcountll(b[w]);
    }
    int sum = qc + ones;
    out[i] = sum ? (float)(2 * both) / (float)sum : 0.0f;
  }
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 20;
  uint32_t n;
  static uint64_t q[16];
  if (fread(&n, 4, 1, stdin) != 1 || fread(q, 128, 1, stdin) != 1) return 2;
  uint64_t *base = malloc((size_t)n * 128);
  float *out = malloc((size_t)n * sizeof(float));
  if (!base || !out || fread(base, 128, n, stdin) != n) return 2;
  struct timespec t0, t1;
  double checksum = 0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int r = 0; r < rounds; r++) {
    q[r & 15] ^= (uint64_t)r; /* vary the query so no pass can be skipped */
    dice_many(q, base, n, out);
    checksum += out[r % n];
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"perSecond\":%.0f,\"checksum\":%.6f}\n", (double)n * rounds / s, checksum);
  return 0;
}
