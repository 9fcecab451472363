/* The floor for `make bench`: read every plan and parse + render its Markdown with
 * libcmark-gfm alone, with PlanSite's options and extensions, on N threads. Nothing else of a
 * build (YAML, templates, search index, writing pages) is done, so no site generator using
 * cmark-gfm can build the same plans faster than this on the same cores.
 *
 *     cc -O2 -pthread bench/cmark_floor.c -o bench/out/cmark_floor -lcmark-gfm -lcmark-gfm-extensions
 *     bench/out/cmark_floor [-j THREADS] CONTENT_DIR
 *
 * Reads every file whose name ends in ".md" under CONTENT_DIR (subfolders included, symbolic
 * links not followed), cuts off the YAML front matter between the leading `---` fences as
 * PlanSite's FrontMatter.split does (a file without it is parsed whole), and prints one line of
 * JSON: {"files":…, "bytes_in":…, "markdown_bytes":…, "bytes_out":…, "threads":…, "seconds":…}.
 * bytes_in is what was read, markdown_bytes what went to cmark, bytes_out the total HTML
 * length (printed, so the compiler cannot drop the work). seconds runs from starting the
 * threads (the first read) to the last render; listing the folder comes before it.
 *
 * Options, as in Sources/PlanSite/Markdown/MarkdownParser.swift: CMARK_OPT_SOURCEPOS |
 * CMARK_OPT_FOOTNOTES (raw HTML off; PlanSite checks the UTF-8 itself), extensions "table" and
 * "tagfilter" only — both safe on many threads, unlike strikethrough and autolink. */
#define _GNU_SOURCE
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const int OPTIONS = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES;
static const char *EXTENSIONS[] = {"table", "tagfilter"};

static char **paths;
static size_t path_count, path_capacity;
static atomic_size_t next_file;
static atomic_int failed;

/* One per thread, each on its own cache line. */
typedef struct { _Alignas(64) unsigned long long files, bytes_in, markdown_bytes, bytes_out; } totals;

static int add_path(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)info, (void)ftw;
    size_t length = strlen(path);
    if (type != FTW_F || length < 3 || strcmp(path + length - 3, ".md") != 0) return 0;
    if (path_count == path_capacity) {
        path_capacity = path_capacity ? 2 * path_capacity : 1024;
        paths = realloc(paths, path_capacity * sizeof *paths);
        if (!paths) { perror("realloc"); exit(1); }
    }
    paths[path_count++] = strdup(path);
    return 0;
}

/* Whole file into a malloc'ed buffer; NULL (with a message) if it cannot be read. */
static char *read_file(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY);
    struct stat info;
    if (fd < 0 || fstat(fd, &info) != 0) { perror(path); if (fd >= 0) close(fd); return NULL; }
    char *text = malloc((size_t)info.st_size + 1);
    size_t done = 0;
    while (text && done < (size_t)info.st_size) {
        ssize_t got = read(fd, text + done, (size_t)info.st_size - done);
        if (got <= 0) { if (got < 0) perror(path); break; }
        done += (size_t)got;
    }
    close(fd);
    if (!text) return NULL;
    *size = done;
    return text;
}

/* Length of a line's content up to (not including) its '\n'. */
static size_t line_length(const char *line, const char *end) {
    const char *newline = memchr(line, '\n', (size_t)(end - line));
    return (size_t)((newline ? newline : end) - line);
}

/* A fence is "---" followed by nothing but spaces, tabs and '\r'. */
static int is_fence(const char *line, size_t length) {
    while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t' || line[length - 1] == '\r')) length--;
    return length == 3 && memcmp(line, "---", 3) == 0;
}

/* Offset of the Markdown body: just after the closing fence's line, or 0 without front matter. */
static size_t body_offset(const char *text, size_t size) {
    const char *end = text + size;
    size_t length = line_length(text, end);
    if (!is_fence(text, length)) return 0;
    for (const char *line = text + length; line < end;) {
        line++; /* past '\n' */
        length = line_length(line, end);
        if (is_fence(line, length)) return line + length < end ? (size_t)(line + length + 1 - text) : size;
        line += length;
    }
    return 0; /* unterminated: PlanSite refuses the file; here it is parsed whole */
}

static void *work(void *result) {
    totals *sum = result;
    cmark_syntax_extension *extensions[2];
    for (int i = 0; i < 2; i++) {
        extensions[i] = cmark_find_syntax_extension(EXTENSIONS[i]);
        if (!extensions[i]) { fprintf(stderr, "cmark-gfm has no %s extension\n", EXTENSIONS[i]); atomic_store(&failed, 1); return NULL; }
    }
    for (size_t index; (index = atomic_fetch_add(&next_file, 1)) < path_count;) {
        size_t size;
        char *text = read_file(paths[index], &size);
        if (!text) { atomic_store(&failed, 1); continue; }
        size_t offset = body_offset(text, size);
        cmark_parser *parser = cmark_parser_new(OPTIONS);
        for (int i = 0; i < 2; i++) cmark_parser_attach_syntax_extension(parser, extensions[i]);
        cmark_parser_feed(parser, text + offset, size - offset);
        cmark_node *root = cmark_parser_finish(parser);
        char *html = cmark_render_html(root, OPTIONS, cmark_parser_get_syntax_extensions(parser));
        sum->files++;
        sum->bytes_in += size;
        sum->markdown_bytes += size - offset;
        sum->bytes_out += strlen(html);
        free(html);
        cmark_node_free(root);
        cmark_parser_free(parser);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    long threads = sysconf(_SC_NPROCESSORS_ONLN);
    int option;
    while ((option = getopt(argc, argv, "j:")) != -1) {
        if (option == 'j') threads = strtol(optarg, NULL, 10);
        else { fprintf(stderr, "usage: %s [-j THREADS] CONTENT_DIR\n", argv[0]); return 2; }
    }
    if (optind != argc - 1 || threads < 1 || threads > 1024) {
        fprintf(stderr, "usage: %s [-j THREADS] CONTENT_DIR\n", argv[0]);
        return 2;
    }
    if (nftw(argv[optind], add_path, 32, FTW_PHYS) != 0) { perror(argv[optind]); return 1; }
    if (path_count == 0) { fprintf(stderr, "no .md files under %s\n", argv[optind]); return 1; }

    /* Registration is guarded by a plain static int: once, before any thread starts. */
    cmark_gfm_core_extensions_ensure_registered();

    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    totals *sums = calloc((size_t)threads, sizeof *sums);
    struct timespec start, stop;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < threads; i++)
        if (pthread_create(&ids[i], NULL, work, &sums[i]) != 0) { perror("pthread_create"); return 1; }
    totals all = {0};
    for (long i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
        all.files += sums[i].files;
        all.bytes_in += sums[i].bytes_in;
        all.markdown_bytes += sums[i].markdown_bytes;
        all.bytes_out += sums[i].bytes_out;
    }
    clock_gettime(CLOCK_MONOTONIC, &stop);
    double seconds = (double)(stop.tv_sec - start.tv_sec) + (double)(stop.tv_nsec - start.tv_nsec) / 1e9;
    printf("{\"files\":%llu, \"bytes_in\":%llu, \"markdown_bytes\":%llu, \"bytes_out\":%llu, \"threads\":%ld, \"seconds\":%.4f}\n",
           all.files, all.bytes_in, all.markdown_bytes, all.bytes_out, threads, seconds);
    return atomic_load(&failed) ? 1 : 0;
}
