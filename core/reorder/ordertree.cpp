#include "ordertree.h"

#include "protocol/idmath.h"

quint32 OrderTree::nextPriority()
{
    // xorshift64*: cheap, and independent of the keys, which is all a treap asks of it.
    m_random ^= m_random >> 12;
    m_random ^= m_random << 25;
    m_random ^= m_random >> 27;
    return quint32((m_random * 0x2545F4914F6CDD1DULL) >> 32);
}

void OrderTree::pull(qint32 t)
{
    Node &n = at(t);
    n.sum = IdMath::saturatingAdd(IdMath::saturatingAdd(sumOf(n.left), n.weight), sumOf(n.right));
}

void OrderTree::split(qint32 t, qint64 key, qint32 &left, qint32 &right)
{
    if (t < 0) {
        left = right = -1;
        return;
    }
    if (at(t).key < key) {
        split(at(t).right, key, at(t).right, right);
        left = t;
    } else {
        split(at(t).left, key, left, at(t).left);
        right = t;
    }
    pull(t);
}

qint32 OrderTree::merge(qint32 a, qint32 b)
{
    // Every key of a is below every key of b.
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    if (at(a).priority > at(b).priority) {
        at(a).right = merge(at(a).right, b);
        pull(a);
        return a;
    }
    at(b).left = merge(a, at(b).left);
    pull(b);
    return b;
}

qint32 OrderTree::insertAt(qint32 t, qint32 node)
{
    if (t < 0)
        return node;
    if (at(node).priority > at(t).priority) {
        split(t, at(node).key, at(node).left, at(node).right);
        pull(node);
        return node;
    }
    if (at(node).key < at(t).key)
        at(t).left = insertAt(at(t).left, node);
    else
        at(t).right = insertAt(at(t).right, node);
    pull(t);
    return t;
}

void OrderTree::insert(qint64 key, qint64 value, quint64 weight)
{
    qint32 node;
    if (!m_free.empty()) {
        node = m_free.back();
        m_free.pop_back();
    } else {
        node = qint32(m_nodes.size());
        m_nodes.push_back({});
    }
    at(node) = {key, value, weight, weight, -1, -1, nextPriority()};
    m_root = insertAt(m_root, node);
    ++m_size;
}

qint32 OrderTree::eraseAt(qint32 t, qint64 key, bool &erased)
{
    if (t < 0)
        return t;
    if (at(t).key == key) {
        erased = true;
        m_free.push_back(t);
        return merge(at(t).left, at(t).right);
    }
    if (key < at(t).key)
        at(t).left = eraseAt(at(t).left, key, erased);
    else
        at(t).right = eraseAt(at(t).right, key, erased);
    pull(t);
    return t;
}

bool OrderTree::erase(qint64 key)
{
    bool erased = false;
    m_root = eraseAt(m_root, key, erased);
    if (erased)
        --m_size;
    if (m_size == 0)
        clear(); // give back what a burst took
    return erased;
}

void OrderTree::clear()
{
    m_nodes.clear();
    m_free.clear();
    if (m_nodes.capacity() > 4096) {
        m_nodes.shrink_to_fit();
        m_free.shrink_to_fit();
    }
    m_root = -1;
    m_size = 0;
}

bool OrderTree::updateAt(qint32 t, qint64 key, qint64 value, quint64 weight)
{
    // Down to the key, then the sums fixed on the way back up (no allocation: this runs for
    // every id that extends the highest interval).
    if (t < 0)
        return false;
    Node &n = at(t);
    if (n.key == key) {
        n.value = value;
        n.weight = weight;
    } else if (!updateAt(key < n.key ? n.left : n.right, key, value, weight)) {
        return false;
    }
    pull(t);
    return true;
}

void OrderTree::update(qint64 key, qint64 value, quint64 weight)
{
    updateAt(m_root, key, value, weight);
}

bool OrderTree::contains(qint64 key) const
{
    qint32 t = m_root;
    while (t >= 0) {
        if (at(t).key == key)
            return true;
        t = key < at(t).key ? at(t).left : at(t).right;
    }
    return false;
}

const OrderTree::Node *OrderTree::floor(qint64 key) const
{
    const Node *best = nullptr;
    qint32 t = m_root;
    while (t >= 0) {
        if (at(t).key <= key) {
            best = &at(t);
            t = at(t).right;
        } else {
            t = at(t).left;
        }
    }
    return best;
}

const OrderTree::Node *OrderTree::ceiling(qint64 key) const
{
    const Node *best = nullptr;
    qint32 t = m_root;
    while (t >= 0) {
        if (at(t).key >= key) {
            best = &at(t);
            t = at(t).left;
        } else {
            t = at(t).right;
        }
    }
    return best;
}

const OrderTree::Node *OrderTree::first() const
{
    qint32 t = m_root;
    if (t < 0)
        return nullptr;
    while (at(t).left >= 0)
        t = at(t).left;
    return &at(t);
}

const OrderTree::Node *OrderTree::last() const
{
    qint32 t = m_root;
    if (t < 0)
        return nullptr;
    while (at(t).right >= 0)
        t = at(t).right;
    return &at(t);
}

quint64 OrderTree::weightBelow(qint64 key) const
{
    quint64 total = 0;
    qint32 t = m_root;
    while (t >= 0) {
        if (at(t).key < key) {
            total = IdMath::saturatingAdd(total,
                                          IdMath::saturatingAdd(sumOf(at(t).left), at(t).weight));
            t = at(t).right;
        } else {
            t = at(t).left;
        }
    }
    return total;
}
