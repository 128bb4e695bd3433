#pragma once
// Owning handles for the OpenSSL objects this folder creates: each is freed by
// its own OpenSSL function when the handle goes, including when an exception
// unwinds past it.
//
// Thread safety: that of std::unique_ptr; the objects themselves follow
// OpenSSL's rules (read-only sharing of keys and certificates is safe).

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace exam::security {

template <auto free_function>
struct OpenSslDeleter {
    template <class T>
    void operator()(T* object) const noexcept {
        free_function(object);
    }
};

using Asn1Ia5StringHandle = std::unique_ptr<ASN1_IA5STRING, OpenSslDeleter<ASN1_IA5STRING_free>>;
using Asn1OctetStringHandle = std::unique_ptr<ASN1_OCTET_STRING, OpenSslDeleter<ASN1_OCTET_STRING_free>>;
using BignumHandle = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using BioHandle = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using GeneralNameHandle = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using GeneralNamesHandle = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using KdfHandle = std::unique_ptr<EVP_KDF, OpenSslDeleter<EVP_KDF_free>>;
using KdfContextHandle = std::unique_ptr<EVP_KDF_CTX, OpenSslDeleter<EVP_KDF_CTX_free>>;
using MdContextHandle = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;
using PrivateKeyHandle = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PublicKeyHandle = PrivateKeyHandle;  // OpenSSL keeps both halves in one EVP_PKEY type
using X509ExtensionHandle = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using X509Handle = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;

}  // namespace exam::security
