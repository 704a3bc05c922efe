/*
 * Baseline for `marrowscope bench read`: the same 512x512 level-0 reads made straight through
 * libopenslide, with no Java in between. Prototypes are declared here so no -dev package is needed.
 *
 * usage: openslide_read_bench SLIDE POSITIONS_FILE THREADS SIZE
 * POSITIONS_FILE: one "x y" per line; thread t reads lines t, t+THREADS, ...
 * prints: reads=N seconds=S reads_per_second=R
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct _openslide openslide_t;
openslide_t *openslide_open(const char *filename);
void openslide_read_region(openslide_t *osr, uint32_t *dest, int64_t x, int64_t y, int32_t level, int64_t w, int64_t h);
const char *openslide_get_error(openslide_t *osr);
void openslide_close(openslide_t *osr);

static openslide_t *slide;
static int64_t *xs, *ys;
static long count;
static int threads, size;

static void *worker(void *arg) {
    long t = (long) arg;
    uint32_t *buf = malloc((size_t) size * size * 4);
    for (long i = t; i < count; i += threads) {
        openslide_read_region(slide, buf, xs[i], ys[i], 0, size, size);
    }
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s SLIDE POSITIONS THREADS SIZE\n", argv[0]);
        return 2;
    }
    threads = atoi(argv[3]);
    size = atoi(argv[4]);
    FILE *f = fopen(argv[2], "r");
    if (!f) { perror(argv[2]); return 2; }
    long cap = 1024;
    xs = malloc(cap * sizeof *xs);
    ys = malloc(cap * sizeof *ys);
    long long x, y;
    while (fscanf(f, "%lld %lld", &x, &y) == 2) {
        if (count == cap) { cap *= 2; xs = realloc(xs, cap * sizeof *xs); ys = realloc(ys, cap * sizeof *ys); }
        xs[count] = x; ys[count] = y; count++;
    }
    fclose(f);
    slide = openslide_open(argv[1]);
    if (!slide || openslide_get_error(slide)) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    pthread_t tid[64];
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long t = 0; t < threads; t++) pthread_create(&tid[t], NULL, worker, (void *) t);
    for (long t = 0; t < threads; t++) pthread_join(tid[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    if (openslide_get_error(slide)) { fprintf(stderr, "read failed: %s\n", openslide_get_error(slide)); return 1; }
    printf("reads=%ld seconds=%.6f reads_per_second=%.3f\n", count, s, count / s);
    openslide_close(slide);
    return 0;
}
