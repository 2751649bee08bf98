// SPDX-License-Identifier: MIT
#include "engine/generate/output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <zlib.h>

namespace kvt::engine {
namespace {

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class PlainFile final : public OutputFile {
public:
    PlainFile(std::FILE *f, std::string path, bool owned) : m_file(f), m_path(std::move(path)), m_owned(owned) { }
    ~PlainFile() override
    {
        if (m_file && m_owned)
            std::fclose(m_file);
    }
    PlainFile(const PlainFile &) = delete;
    PlainFile &operator=(const PlainFile &) = delete;
    bool write(std::string_view bytes) override
    {
        return std::fwrite(bytes.data(), 1, bytes.size(), m_file) == bytes.size();
    }
    bool close(std::string &error) override
    {
        const bool ok = std::fflush(m_file) == 0 && !std::ferror(m_file) && (!m_owned || std::fclose(m_file) == 0);
        if (m_owned)
            m_file = nullptr;
        if (!ok)
            error = m_path + ": cannot write: " + std::strerror(errno);
        return ok;
    }

private:
    std::FILE *m_file;
    std::string m_path;
    bool m_owned;
};

class GzipFile final : public OutputFile {
public:
    GzipFile(gzFile f, std::string path) : m_file(f), m_path(std::move(path)) { }
    ~GzipFile() override
    {
        if (m_file)
            gzclose(m_file);
    }
    GzipFile(const GzipFile &) = delete;
    GzipFile &operator=(const GzipFile &) = delete;
    bool write(std::string_view bytes) override
    {
        return bytes.empty() || gzwrite(m_file, bytes.data(), static_cast<unsigned>(bytes.size())) > 0;
    }
    bool close(std::string &error) override
    {
        const int rc = gzclose(m_file);
        m_file = nullptr;
        if (rc != Z_OK)
            error = m_path + ": cannot write the gzip stream";
        return rc == Z_OK;
    }

private:
    gzFile m_file;
    std::string m_path;
};

} // namespace

std::unique_ptr<OutputFile> OutputFile::open(const std::string &path, std::string &error)
{
    if (path == "-")
        return std::make_unique<PlainFile>(stdout, "standard output", false);
    if (endsWith(path, ".gz")) {
        gzFile f = gzopen(path.c_str(), "wb9");
        if (!f) {
            error = path + ": cannot create: " + std::strerror(errno);
            return nullptr;
        }
        gzbuffer(f, 1 << 20);
        return std::make_unique<GzipFile>(f, path);
    }
    std::FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) {
        error = path + ": cannot create: " + std::strerror(errno);
        return nullptr;
    }
    return std::make_unique<PlainFile>(f, path, true);
}

} // namespace kvt::engine
